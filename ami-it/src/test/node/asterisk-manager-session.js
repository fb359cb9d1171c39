// Drives node's asterisk-manager through one session and prints one JSON line per step.
// Usage: node asterisk-manager-session.js <port> <user> <secret>
'use strict';
const Manager = require('asterisk-manager');

const [port, user, secret] = process.argv.slice(2);
const out = (step) => process.stdout.write(JSON.stringify(step) + '\n');
const ami = new Manager(undefined, '127.0.0.1', user, secret, true);
setTimeout(() => { out({ step: 'timeout' }); process.exit(2); }, 20000);

ami.on('close', () => { out({ step: 'closed' }); process.exit(0); });
ami.once('userevent', (e) => {
  out({ step: 'userevent', name: e.userevent, probemarker: e.probemarker });
  ami.action({ action: 'command', command: 'core show version' }, (err, res) => {
    out({ step: 'command', response: res.response, message: res.message });
    ami.action({ action: 'events', eventmask: 'off' }, (err2, res2) => {
      out({ step: 'events', response: res2.response, events: res2.events });
      ami.action({ action: 'logoff' }, (err3, res3) => out({ step: 'logoff', response: res3.response }));
    });
  });
});
ami.connect(Number(port), '127.0.0.1', () => ami.login((err) => {
  out({ step: 'login', ok: !err });
  ami.action({ action: 'ping' }, (err2, res) => out({ step: 'ping', response: res.response, ping: res.ping }));
}));
