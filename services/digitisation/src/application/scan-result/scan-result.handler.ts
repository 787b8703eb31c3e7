import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { scannableResult } from '../../domain/dossier/dossier-digitisation.decider';
import { ScanRecorder } from '../scan-recorder';
import { ResultScanned, ScanResult } from './scan-result.command';

@CommandHandler(ScanResult)
export class ScanResultHandler implements ICommandHandler<ScanResult, ResultScanned> {
  constructor(private readonly scans: ScanRecorder) {}

  async execute(command: ScanResult): Promise<ResultScanned> {
    const { recorded, state } = await this.scans.record(command, {
      check: scannableResult,
      command: (scan) => ({ type: 'ScanResult', ...scan }),
      origin: 'RESULT',
    });
    return { ...recorded, documentNumber: scannableResult(state).documentNumber };
  }
}
