import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class CashPaymentRequest {
  @ApiProperty({ description: 'Cash received, integer VND: must equal the amount due', example: 200000 })
  @IsInt({ message: 'amount must be an integer number of VND' })
  @Min(0)
  @Max(1_000_000_000_000)
  amount!: number;
}
