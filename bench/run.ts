/** `npm run bench`: every figure is printed with a ratio to a baseline measured in the same run. */
import { engineBench } from './engine-bench.js';
import { httpBench } from './http-bench.js';
import { editorBench } from './editor-bench.js';
import { webhookBench } from './webhook-bench.js';
import { compileBench } from './compile-bench.js';

console.log(`# ReplyFlow benchmark — node ${process.version}, ${new Date().toISOString()}`);
await engineBench();
await compileBench();
await httpBench();
await webhookBench();
await editorBench();
