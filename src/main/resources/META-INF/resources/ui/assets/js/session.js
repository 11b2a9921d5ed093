// The token lives in this tab's sessionStorage only: it is gone when the tab closes.
const TOKEN = 'dynagate.token';
const FLASH = 'dynagate.flash';

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function signIn(value) {
  sessionStorage.setItem(TOKEN, value);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}

export function goToSignIn() {
  const here = location.pathname + location.search;
  location.assign('/ui/signin?next=' + encodeURIComponent(here));
}

/** A message for the next page, e.g. "Table saved." after a form sends the browser elsewhere. */
export function flash(message) {
  sessionStorage.setItem(FLASH, message);
}

export function takeFlash() {
  const message = sessionStorage.getItem(FLASH);
  sessionStorage.removeItem(FLASH);
  return message;
}
