import { Parser } from '@asyncapi/parser';
import { currentIntegrationEvents } from '../integration-events';
import { Topics } from '../topics';
import { asyncApiDocument } from './asyncapi-document';

describe('the AsyncAPI document', () => {
  const document = asyncApiDocument('1.2.3');

  it('is valid AsyncAPI 3 by the AsyncAPI parser, with no error and no warning', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    const problems = diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(problems).toEqual([]);
    expect(parsed?.version()).toBe('3.0.0');
    expect(parsed?.info().version()).toBe('1.2.3');
  });

  it('puts every current event in the channel of its own topic, once, with its data schema', async () => {
    const { document: parsed } = await new Parser().parse(JSON.stringify(document));
    const channels = parsed?.channels().all() ?? [];
    expect(channels.map((c) => c.address()).sort()).toEqual(Object.values(Topics).sort());
    for (const definition of currentIntegrationEvents) {
      const channel = channels.find((c) => c.address() === definition.topic);
      const found = channel?.messages().all().filter((m) => m.name() === definition.type) ?? [];
      expect({ event: definition.type, count: found.length }).toEqual({ event: definition.type, count: 1 });
      expect(found[0].schemaFormat()).toBe('application/schema+json;version=draft-07');
      const payload = (found[0].payload()?.json() as { schema: { properties: Record<string, { const?: unknown }> } }).schema;
      expect(payload.properties['type'].const).toBe(definition.type);
      expect(payload.properties['schemaversion'].const).toBe(definition.version);
      // The parser marks each schema with an x-parser-schema-id; the data schema is otherwise the definition's.
      expect(withoutParserMarks(payload.properties['data'])).toEqual(JSON.parse(JSON.stringify(definition.schema)));
    }
    const messages = channels.flatMap((c) => c.messages().all());
    expect(messages).toHaveLength(currentIntegrationEvents.length);
  });

  it('names the owner of each topic as its only sender', async () => {
    const { document: parsed } = await new Parser().parse(JSON.stringify(document));
    const senders = (parsed?.operations().all() ?? []).filter((o) => o.action() === 'send').map((o) => [o.id(), o.channels().all().map((c) => c.address())]);
    expect(senders).toEqual([
      ['intake.publish.intake', [Topics.intake]],
      ['processing.publish.processing', [Topics.processing]],
      ['payment.publish.payment', [Topics.payment]],
      ['digitisation.publish.digitisation', [Topics.digitisation]],
      ['issuance.publish.issuance', [Topics.issuance]],
      ['intake.publish.catalogue', [Topics.catalogue]],
    ]);
  });
});

function withoutParserMarks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutParserMarks);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('x-parser-')).map(([key, v]) => [key, withoutParserMarks(v)]));
}
