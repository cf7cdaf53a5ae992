// Finds the Chromium or Chrome binary the browser tests and benchmarks use.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = [
  '/usr/lib/chromium/chromium', // Debian: the real binary behind the /usr/bin/chromium wrapper script
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The browser to launch: `CHROME_PATH` if set, else the first Chromium found. */
export function findChrome() {
  if (process.env.CHROME_PATH) {
    if (!existsSync(process.env.CHROME_PATH))
      throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
    return process.env.CHROME_PATH;
  }
  for (const path of CANDIDATES) if (existsSync(path) && !isWrapperOnly(path)) return path;
  try {
    const found = execFileSync(
      'sh',
      ['-c', 'command -v chromium || command -v chromium-browser || command -v google-chrome'],
      { encoding: 'utf8' },
    ).trim();
    if (found) return found;
  } catch {
    /* none on PATH */
  }
  return undefined;
}

function isWrapperOnly(path) {
  // /usr/bin/chromium is a shell script; prefer the binary it wraps when present.
  if (path !== '/usr/bin/chromium') return false;
  try {
    return readFileSync(path, 'utf8').startsWith('#!') && existsSync('/usr/lib/chromium/chromium');
  } catch {
    return false;
  }
}

export const NO_BROWSER_MESSAGE = `No Chromium or Chrome was found for the browser tests.
Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or point CHROME_PATH at a Chrome/Chromium binary.`;

/** Flags that let Chromium run headless as root in a container with no network but loopback. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-sync',
];
