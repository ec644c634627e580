import type { CategoryBank, CategoryKey } from '../bank-types.ts';
import { ELECTRONICS } from './electronics.ts';
import { FASHION } from './fashion.ts';
import { FITNESS } from './fitness.ts';
import { FOOD } from './food.ts';
import { HOME } from './home.ts';
import { PARENTING } from './parenting.ts';
import { SKINCARE } from './skincare.ts';
import { TRAVEL } from './travel.ts';

export const BANKS: Readonly<Record<CategoryKey, CategoryBank>> = Object.freeze({
  skincare: SKINCARE,
  food: FOOD,
  travel: TRAVEL,
  electronics: ELECTRONICS,
  fashion: FASHION,
  home: HOME,
  parenting: PARENTING,
  fitness: FITNESS,
});
