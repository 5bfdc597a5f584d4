// Progressive enhancement only: every page works without it (GOV.UK Frontend components, e.g. error summary focus).
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
