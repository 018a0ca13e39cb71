import { readFileSync } from 'node:fs';
import { ENTITY_ALIASES_FILE, entityAliasesJson } from '../../scripts/lookup/build-entity-aliases';

describe('the entity alias table', () => {
  it('is what its build script makes from the pinned sources, byte for byte', () => {
    // Act
    const rebuilt = entityAliasesJson();

    // Assess
    expect(rebuilt).toBe(readFileSync(ENTITY_ALIASES_FILE, 'utf8'));
  });

  it.each([
    ['us', 'united states'],
    ['american', 'united states'],
    ['north korean', 'north korea'],
    ['britain', 'united kingdom'],
  ])('maps the alias form %j to %j', (form, identity) => {
    // Act
    const { aliases } = JSON.parse(entityAliasesJson()) as { aliases: Record<string, string> };

    // Assess
    expect(aliases[form]).toBe(identity);
  });

  it.each(['welsh', 'congolese', 'virgin islands, british'])(
    'leaves out %j (wrong or ambiguous in the sources)',
    (form) => {
      // Act
      const { aliases } = JSON.parse(entityAliasesJson()) as { aliases: Record<string, string> };

      // Assess
      expect(aliases[form]).toBeUndefined();
    },
  );
});
