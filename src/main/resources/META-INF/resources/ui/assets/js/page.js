// What every page does first: require a token (except on the sign-in page), wire sign-out and
// show the message the previous page left.
import { $, notice } from './dom.js';
import { goToSignIn, signOut, takeFlash, token } from './session.js';

export function startPage({ needsToken = true } = {}) {
  if (needsToken && !token()) {
    goToSignIn();
    return false;
  }
  const signOutButton = $('#sign-out');
  if (token()) {
    signOutButton.hidden = false;
    signOutButton.addEventListener('click', () => {
      signOut();
      location.assign('/ui/signin');
    });
  }
  const message = takeFlash();
  if (message) {
    notice(message);
  }
  return true;
}
