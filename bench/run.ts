/**
 * `npm run bench`: every figure is printed with a ratio to a baseline measured in the same run.
 * `npm run bench -- store 100000 1000000` runs only the store-at-scale part, at those sizes;
 * `npm run bench -- insights [events] [waiting]` only the metrics and queue part (default 1,000,000 / 100,000);
 * `npm run bench -- engine` only the engine part (compile, reply check, inbound, the example workspace's groups);
 * `npm run bench -- soak [--minutes 10]` only the soak of the real server at 80 % of its peak (memory, failures, latency).
 */
import { engineBench } from './engine-bench.js';
import { httpBench } from './http-bench.js';
import { editorBench } from './editor-bench.js';
import { webhookBench } from './webhook-bench.js';
import { compileBench } from './compile-bench.js';
import { storeScaleBench } from './store-scale-bench.js';
import { insightsBench } from './insights-bench.js';
import { soakBench } from './soak.js';

const [only, ...sizes] = process.argv.slice(2);
console.log(`# ReplyFlow benchmark — node ${process.version}, ${new Date().toISOString()}`);
if (only === 'store') {
  await storeScaleBench(sizes.length > 0 ? sizes.map(Number) : [100_000]);
} else if (only === 'insights') {
  await insightsBench(...sizes.map(Number));
} else if (only === 'engine') {
  await engineBench();
} else if (only === 'soak') {
  await soakBench(sizes);
} else {
  await engineBench();
  await compileBench();
  await httpBench();
  await webhookBench();
  await storeScaleBench([100_000]);
  await editorBench();
}
