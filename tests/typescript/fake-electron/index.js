// A stand-in for the `electron` package, for the README's Electron example
// (tests/typescript.rs): app.whenReady() resolves at once, and every load of
// a BrowserWindow fails with the Chromium code in NETCODES_FAIL, the way
// Electron reports it (did-fail-load, and a rejected loadURL promise). What
// the example does is printed on stdout: `loadURL <url>`, `loadFile <file>
// <query>`, `setTimeout <ms>`.
import { EventEmitter } from "node:events";

const code = Number(process.env.NETCODES_FAIL);

// Timers fire at once: the example's back-off would only slow the test down.
globalThis.setTimeout = (callback, ms) => {
  console.log(`setTimeout ${ms}`);
  queueMicrotask(callback);
  return 0;
};

export const app = { whenReady: () => Promise.resolve() };

export class BrowserWindow {
  constructor() {
    this.webContents = new EventEmitter();
  }

  loadURL(url) {
    console.log(`loadURL ${url}`);
    return new Promise((resolve, reject) => {
      queueMicrotask(() => {
        this.webContents.emit("did-fail-load", {}, code, "stand-in failure", url, true);
        reject(new Error(`(${code}) loading '${url}'`));
      });
    });
  }

  loadFile(file, options) {
    console.log(`loadFile ${file} ${JSON.stringify(options?.query ?? {})}`);
    return Promise.resolve();
  }
}
