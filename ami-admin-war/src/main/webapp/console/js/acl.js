// A permit/deny address checked as typed, as the server's AclRule.parse (ami-api) reads it: entries
// separated by commas, each "[!]address[/bits|/mask]", IPv4 or IPv6 literals only (no host names).
// The server checks again on save and has the last word.

const V4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function v4(text) {
  return V4.test(text) && text.split('.').every((p) => Number(p) <= 255);
}

function v6(text) {
  if (!text.includes(':') || !/^[0-9A-Fa-f:.]+$/.test(text)) {
    return false;
  }
  try {
    // the URL parser knows IPv6 literals (with an IPv4 tail) exactly
    new URL('http://[' + text + ']/');
    return true;
  } catch (e) {
    return false;
  }
}

/** @returns {string|null} why the value is not what a permit= or deny= line takes, or null */
export function addressProblem(value) {
  if (!value.trim()) {
    return 'must not be empty';
  }
  for (const raw of value.split(',')) {
    let entry = raw.trim();
    if (entry.startsWith('!')) {
      entry = entry.slice(1).trim();
    }
    const slash = entry.indexOf('/');
    let host = slash < 0 ? entry : entry.slice(0, slash);
    if (host.startsWith('[') && host.endsWith(']')) {
      host = host.slice(1, -1);
    }
    const family = v4(host) ? 4 : v6(host) ? 6 : 0;
    if (!family) {
      return `'${entry}' is not an IPv4 or IPv6 address with an optional mask`;
    }
    if (slash >= 0) {
      const mask = entry.slice(slash + 1).trim();
      if (/^\d+$/.test(mask)) {
        if (Number(mask) > (family === 4 ? 32 : 128)) {
          return `'${entry}': a prefix of ${mask} bits is too long`;
        }
      } else if (!(family === 4 ? v4(mask) : v6(mask))) {
        return `'${entry}': the mask is not an address of the same family`;
      }
    }
  }
  return null;
}
