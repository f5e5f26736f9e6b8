// A button with data-copy="<element id>" copies that element's text (a client secret shown once).
document.addEventListener('click', event => {
  const button = event.target.closest('[data-copy]');
  const source = button && document.getElementById(button.dataset.copy);
  if (source && navigator.clipboard) {
    navigator.clipboard.writeText(source.textContent.trim()).then(() => { button.textContent = '已复制'; });
  }
});
