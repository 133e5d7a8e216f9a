#!/usr/bin/env node
// React's development build checks every render at a cost the user would feel on large datasets;
// the installed app runs the production build unless told otherwise. Set before React loads.
process.env.NODE_ENV ??= 'production';
await import('../dist/cli.js');
