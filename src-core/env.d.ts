// The core runs in browsers, Electron and Node 20; all of them provide these globals, but the core is
// compiled without DOM or Node typings (so it cannot import either) and declares just what it uses.
declare function structuredClone<T>(value: T): T;
