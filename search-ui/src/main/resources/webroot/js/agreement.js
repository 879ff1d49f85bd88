// Samstämmighet: one click adopts one coder's coding as the document's consensus (PUT /api/documents/{id}/consensus).
import { api } from './app.js';

document.querySelectorAll('button[data-adopt]').forEach((button) => {
  button.addEventListener('click', async () => {
    const status = button.closest('.adopt').querySelector('.adopt-status');
    const response = await api(`/api/documents/${encodeURIComponent(button.dataset.document)}/consensus`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ adopt: button.dataset.adopt }),
    });
    const body = await response.json().catch(() => null);
    status.textContent = response.ok
      ? `Konsensus: ${button.dataset.adopt}s kodning (${body.annotations.length} annoteringar) av ${body.adjudicator}.`
      : `Gick inte: ${body?.detail ?? response.status}`;
  });
});
