// Asks before a destructive action, in a modal dialog: Escape or Cancel answers no.
import { $ } from './dom.js';

export function confirmAction(question, action = 'Delete') {
  const dialog = $('#confirm-dialog');
  $('#confirm-text').textContent = question;
  $('#confirm-yes').textContent = action;
  dialog.returnValue = '';
  dialog.showModal();
  $('#confirm-no').focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
  });
}
