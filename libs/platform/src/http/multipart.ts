import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Lets a service's routes read multipart/form-data (file uploads) as streams, so a file is never
 * buffered whole in memory. Fastify's body limit does not apply to these bodies: each upload route
 * passes its own size limit when it reads the parts, and refuses what exceeds it.
 * The defaults here only bound what no upload needs: one file, a few short fields.
 */
export async function acceptMultipart(app: NestFastifyApplication): Promise<void> {
  await app.register(multipart, { limits: { files: 1, fields: 10, parts: 12, fieldSize: 1024, fieldNameSize: 100 } });
}
