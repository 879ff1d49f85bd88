// Insikter: each form is sent once, even when its button is pressed twice (a second press would create a second
// insight); deleting asks first. Without scripts the forms still work.
for (const form of document.querySelectorAll('form.insight, form.once')) {
  let sent = false;
  window.addEventListener('pageshow', () => { sent = false; });
  form.addEventListener('submit', event => {
    const question = form.dataset.confirm;
    if (sent || (question && !window.confirm(question))) {
      event.preventDefault();
      return;
    }
    sent = true;
  });
}
