// Registered by bunfig.toml for every Bun process of this project (dev, start, test).
import { plugin } from 'bun';
import { solidPlugin } from './solid-plugin.ts';

plugin(solidPlugin('ssr'));
