// The demo page's script: registers every element and wires the framework overview.
// Each feature's demo lives in its own module beside this one.
import '@links-approach/components';

const overview = document.querySelector('links-framework-overview');
const status = document.querySelector('#capacity-choice');
overview?.addEventListener('links-capacity-select', (event) => {
  if (status) status.textContent = `You chose ${event.detail.capacity.name}. The plan editor below opens that capacity.`;
});
