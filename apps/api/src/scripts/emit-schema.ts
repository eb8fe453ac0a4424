import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createSchema } from '../schema.js';
import { printSdl, sdlPath } from '../schema-sdl.js';

const path = sdlPath();
writeFileSync(path, printSdl(await createSchema()));
console.log(`Wrote ${path}`);
