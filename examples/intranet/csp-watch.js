/* global window, document -- a browser page script (eslint lints .js files as Node) */
// Runs first on csp.html: keeps every Content Security Policy violation the
// page reports, for the test (and for a person looking at the console).
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(
    `${event.violatedDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
  );
});
