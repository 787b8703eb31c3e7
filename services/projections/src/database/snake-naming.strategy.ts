import { DefaultNamingStrategy, NamingStrategyInterface } from 'typeorm';

/** Columns are snake_case in SQL (what analysts type) and camelCase in code, without naming each twice. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return customName ?? [...prefixes, propertyName].join('_').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  }
}
