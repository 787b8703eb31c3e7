/** The facts the four forms share, as the services hold them. */

/** A unit or agency: its code always; its name and its parent's where the service knows them. */
export interface IssuingBody {
  code: string;
  name?: string;
  parentName?: string;
}

export type Channel = 'ONLINE' | 'COUNTER' | 'POSTAL';

export interface ProcedureFacts {
  code: string;
  name?: string;
  processingTime?: { value: number; unit: 'WORKING_DAYS' | 'WORKING_HOURS' };
}

/** The issuer as printed: its name, or its code when the service holds no name for it. */
export function issuerOf(body: IssuingBody): { name: string; parent?: string } {
  return { name: body.name ?? `Cơ quan mã ${body.code}`, ...(body.parentName ? { parent: body.parentName } : {}) };
}

export const procedureLine = (procedure: ProcedureFacts): string => (procedure.name ? `${procedure.name} (mã ${procedure.code})` : `Thủ tục mã ${procedure.code}`);

export function processingTimeText(time: NonNullable<ProcedureFacts['processingTime']>): string {
  return `${String(time.value).replace('.', ',')} ${time.unit === 'WORKING_DAYS' ? 'ngày làm việc' : 'giờ làm việc'}`;
}

export const channelText: Record<Channel, string> = {
  ONLINE: 'Trực tuyến, qua cổng dịch vụ công',
  COUNTER: 'Trực tiếp tại Bộ phận Một cửa',
  POSTAL: 'Qua dịch vụ bưu chính công ích',
};

export const deliveryText: Record<Channel, string> = {
  ONLINE: 'Trực tuyến, qua cổng dịch vụ công',
  COUNTER: 'Tại Bộ phận Một cửa',
  POSTAL: 'Qua dịch vụ bưu chính công ích',
};
