// Serves dist/ on 127.0.0.1 for README command 1, with the app's CSP as a header (node is already
// required for the build, so no other server is needed). Ctrl+C stops it.
import { serveDist } from '../end2end/tools/static-server.mjs';

const port = Number(process.env.PORT ?? 8080);
const server = await serveDist('dist', '/', port);
console.log(`\nRAI Assess is built in dist/. Open ${server.url} in your browser (Ctrl+C stops the server).\n`);
