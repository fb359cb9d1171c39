// Drives node's asterisk-ami-client through one session and prints one JSON line per step.
// Usage: node asterisk-ami-client-session.js <port> <user> <secret>
'use strict';
const AmiClient = require('asterisk-ami-client');

const [port, user, secret] = process.argv.slice(2);
const out = (step) => process.stdout.write(JSON.stringify(step) + '\n');
const client = new AmiClient({ reconnect: false, keepAlive: false });
setTimeout(() => { out({ step: 'timeout' }); process.exit(2); }, 20000);

client.once('UserEvent', (e) => {
  out({ step: 'userevent', name: e.UserEvent, probemarker: e.ProbeMarker });
  client.action({ Action: 'Command', Command: 'core show version' }, true)
    .then((res) => {
      out({ step: 'command', response: res.Response, message: res.Message });
      return client.action({ Action: 'Events', EventMask: 'off' }, true);
    })
    .then((res) => {
      out({ step: 'events', response: res.Response, events: res.Events });
      client.on('disconnect', () => { out({ step: 'closed' }); process.exit(0); });
      client.action({ Action: 'Logoff' });
    })
    .catch((e2) => { out({ step: 'error', message: String(e2) }); process.exit(1); });
});
client.connect(user, secret, { host: '127.0.0.1', port: Number(port) })
  .then(() => {
    out({ step: 'login', ok: true });
    return client.action({ Action: 'Ping' }, true);
  })
  .then((res) => out({ step: 'ping', response: res.Response, ping: res.Ping }))
  .catch((e) => { out({ step: 'error', message: String(e) }); process.exit(1); });
