import { serviceOfScript, tracing } from './start-tracing';

describe('tracing start', () => {
  it('stays off without a collector to export to', () => {
    expect(process.env['OTEL_EXPORTER_OTLP_ENDPOINT']).toBeUndefined();
    expect(tracing).toBeUndefined();
  });

  it("names the service after its folder, from its main script's path", () => {
    expect(serviceOfScript('/srv/motcua/services/intake/src/main.ts')).toBe('intake');
    expect(serviceOfScript('C:\\motcua\\services\\payment\\dist\\main.js')).toBe('payment');
    expect(serviceOfScript('/usr/bin/node')).toBe('motcua');
  });
});
