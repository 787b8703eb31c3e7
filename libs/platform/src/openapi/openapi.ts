import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI at /docs (UI) and /docs/json, with both ways portals and officers authenticate. */
export function setupOpenApi(app: INestApplication, service: string, version = '1'): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`Một Cửa ${service}`)
      .setVersion(version)
      .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'portal')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'officer')
      .addSecurityRequirements('portal')
      .addSecurityRequirements('officer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json', yamlDocumentUrl: 'docs/yaml' });
}
