/** A hard-negative group as planned; truth lists its accounts under its class. */
import type { HardNegativeClass } from '../../contracts/truth.ts';
import type { SimAccount } from '../account.ts';

export interface HardNegativeGroup {
  groupId: string;
  cls: HardNegativeClass;
  accounts: SimAccount[];
}
