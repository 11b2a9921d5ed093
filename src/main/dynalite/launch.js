// Starts dynalite for Dynagate's embedded mode.
// Why a wrapper and not dynalite's cli.js: the child must die with its parent even when the JVM
// is killed with SIGKILL (no shutdown hook runs then). The JVM holds this process's stdin; when
// the JVM dies the pipe closes and we exit. Usage: node launch.js PORT DATA_DIR
'use strict';
// The engine's files hold the registry (token HMACs, declarations): owner-only, 0600 and 0700.
process.umask(0o077);

// dynalite 4.0.0 ends a Query's or Scan's read stream by calling `iterator.return()`, which the
// abstract-level 3 iterators it gets do not have (they have `close()`): every Query and Scan left
// its LevelDB iterator open. An open iterator holds a snapshot of the database, so no table file
// it saw could be deleted and no memtable it saw freed: the data directory and the resident memory
// grew with every write (after a minute of the registry's load: 34 MB of files and 186 MB resident,
// growing; 6 MB and 106 MB, flat, with this). Giving the iterators `return()` closes them as
// dynalite meant (DynaliteStorageTest).
const { AbstractIterator, AbstractKeyIterator, AbstractValueIterator } = require('abstract-level');
for (const iterator of [AbstractIterator, AbstractKeyIterator, AbstractValueIterator]) {
  if (typeof iterator.prototype.return !== 'function') {
    iterator.prototype.return = function () {
      return this.close();
    };
  }
}
const dynalite = require('dynalite');

const port = Number(process.argv[2]);
const path = process.argv[3];
const server = dynalite({ path, createTableMs: 50, deleteTableMs: 50, updateTableMs: 50 });
// Idle keep-alive connections stay open until the client closes them. node would close one after
// 5 s and tell the client so (`Keep-Alive: timeout=5`); Vert.x's pool then keeps it exactly those
// 5 s, so a request written at the boundary met a closing socket and failed. Without the hint the
// emulator's pool closes its idle connections itself, after 4 s; the SDK clients reap theirs.
server.keepAliveTimeout = 0;

server.listen(port, '127.0.0.1', (err) => {
  if (err) {
    console.error('dynalite failed to listen: ' + err.message);
    process.exit(1);
  }
  console.log('dynalite ready on ' + port);
});

const stop = () => server.close(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
