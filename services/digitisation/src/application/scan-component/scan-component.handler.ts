import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { scannableComponent } from '../../domain/dossier/dossier-digitisation.decider';
import { ScanRecorder } from '../scan-recorder';
import { ComponentScanned, ScanComponent } from './scan-component.command';

@CommandHandler(ScanComponent)
export class ScanComponentHandler implements ICommandHandler<ScanComponent, ComponentScanned> {
  constructor(private readonly scans: ScanRecorder) {}

  async execute(command: ScanComponent): Promise<ComponentScanned> {
    const { componentId } = command;
    const { recorded, state } = await this.scans.record(command, {
      check: (s) => scannableComponent(s, componentId),
      command: (scan) => ({ type: 'ScanComponent', componentId, ...scan }),
      origin: 'SCAN',
    });
    return { ...recorded, componentId, dossierDigitised: state.digitised };
  }
}
