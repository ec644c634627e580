/**
 * Which selling points a product plausibly has (by type) and which few it is known for. Genuine
 * reviewers and briefs both lean on the signature traits, so a ring's talking points overlap
 * with what real buyers say about the same product.
 */
import { attrsForType, type LangBank } from './bank-types.ts';
import type { Subject } from './note-text.ts';

export interface ProductTraits {
  allowed: number[];
  signature: number[];
}

export function productTraits(lb: LangBank, s: Subject): ProductTraits {
  const allowed = attrsForType(lb, s.typeIdx);
  const order = allowed.slice();
  let h = (s.key * 2654435761) >>> 0;
  for (let i = order.length - 1; i > 0; i--) {
    h = (Math.imul(h, 1664525) + 1013904223) >>> 0;
    const j = h % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { allowed, signature: order.slice(0, Math.min(3, order.length)) };
}
