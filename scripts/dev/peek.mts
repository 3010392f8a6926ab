import { openTestDb } from '../../test/helpers/db.js';
import { buildTestApp } from '../../test/helpers/app.js';
const db = await openTestDb('sqlite');
const app = await buildTestApp(db);
const url = process.argv[2] ?? '/';
const res = await app.inject({ url, headers: { host: process.argv[3] ?? 'namhonglinh.localhost' } });
const re = new RegExp(process.argv[4] ?? '.{0,0}', 'g');
console.log(res.statusCode, (res.body.match(re) ?? []).slice(0, 5));
await app.close(); await db.cleanup();
