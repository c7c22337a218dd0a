// Searching the framework: every word of the query must occur somewhere in the norm (code, text,
// "Kan blijken uit", auditor questions, evidence examples, or the name of its rubric); case and
// accents do not matter, and a plural finds what its singular finds ("vrijwilligers" =
// "vrijwilliger", "klachten" = "klacht"). A query that is exactly a norm code ("VM1") gives that
// norm alone, not VM10–VM15 as well.
import type { Norm, Rubric } from '../../api/client';

export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function queryTerms(query: string): string[] {
  return normalise(query)
    .split(/\s+/)
    .map((term) => term.trim())
    .filter((term) => term !== '');
}

const DOUBLE_CONSONANT = /([bcdfgklmnprstz])\1$/;
const MIN_STEM = 4;

/**
 * The forms a (normalised) query word stands for: itself, and without a Dutch plural ending.
 * "vrijwilligers" → vrijwilliger; "klachten" → klacht; "processen" → proces; "taken" → tak, taak;
 * "cao's" → cao; "ideeen" (ideeën) → idee. Words with digits (norm codes) are left alone. Because a
 * norm matches when it CONTAINS a form, the singular also finds the plural.
 */
export function termForms(term: string): string[] {
  const forms = new Set<string>([term]);
  if (/\d/.test(term)) {
    return [...forms];
  }
  const add = (stem: string) => {
    if (stem.length >= MIN_STEM) {
      forms.add(stem);
    }
  };
  if ((term.endsWith("'s") || term.endsWith('’s')) && term.length > 3) {
    forms.add(term.slice(0, -2)); // the apostrophe already marks the plural: short stems are safe
  } else if (term.endsWith('en') && term.length > MIN_STEM) {
    const stem = term.slice(0, -2);
    add(stem);
    if (DOUBLE_CONSONANT.test(stem)) {
      add(stem.slice(0, -1)); // processen → proces, rollen → rol
    } else if (/[^aeiou][aeiou][^aeiou]$/.test(stem)) {
      add(stem.slice(0, -1) + stem.slice(-2)); // taken → taak, regelingen stays regeling
    }
  } else if (/(e[lmnr]|je)s$/.test(term)) {
    add(term.slice(0, -1)); // vrijwilligers → vrijwilliger, regels → regel (not proces → proce)
  }
  return [...forms];
}

/** Every form of every query word, for highlighting. */
export function highlightTerms(query: string): string[] {
  return [...new Set(queryTerms(query).flatMap(termForms))];
}

export interface NormMatch {
  norm: Norm;
  /** Where the terms were found, so the page can open the matching parts. */
  inQuestions: boolean;
  inEvidence: boolean;
}

function searchableText(norm: Norm, rubricName: string): string {
  return normalise([norm.code, rubricName, norm.text, norm.guidance, ...norm.questions, ...norm.evidence].join('\n'));
}

function matches(haystack: string, term: string): boolean {
  return termForms(term).some((form) => haystack.includes(form));
}

function containsAny(texts: string[], terms: string[]): boolean {
  return texts.some((text) => {
    const value = normalise(text);
    return terms.some((term) => matches(value, term));
  });
}

/** `rubrics` lets a rubric's name find its norms ("vakmanschap" → VM1–VM15). */
export function searchNorms(norms: Norm[], query: string, rubrics: Rubric[] = []): NormMatch[] {
  const terms = queryTerms(query);
  if (terms.length === 0) {
    return norms.map((norm) => ({ norm, inQuestions: false, inEvidence: false }));
  }
  if (terms.length === 1) {
    const exact = norms.find((norm) => normalise(norm.code) === terms[0]);
    if (exact) {
      return [{ norm: exact, inQuestions: false, inEvidence: false }];
    }
  }
  const rubricNames = new Map(rubrics.map((rubric) => [rubric.code, rubric.name]));
  const found: NormMatch[] = [];
  for (const norm of norms) {
    const haystack = searchableText(norm, rubricNames.get(norm.rubric) ?? '');
    if (terms.every((term) => matches(haystack, term))) {
      found.push({
        norm,
        inQuestions: containsAny(norm.questions, terms),
        inEvidence: containsAny(norm.evidence, terms),
      });
    }
  }
  return found;
}

/** Splits text into parts, marking those that match a term (for <mark>). Offsets survive accents. */
export function highlightParts(text: string, terms: string[]): { text: string; match: boolean }[] {
  if (terms.length === 0 || text === '') {
    return [{ text, match: false }];
  }
  // Normalise per character so that indexes in the normalised string map back to the original.
  const chars = Array.from(text);
  const normalisedChars = chars.map((char) => normalise(char));
  const flags = new Array<boolean>(chars.length).fill(false);
  // Build the normalised string with a map from its code units back to original characters.
  let normalised = '';
  const owner: number[] = [];
  normalisedChars.forEach((value, index) => {
    normalised += value;
    for (let i = 0; i < value.length; i += 1) {
      owner.push(index);
    }
  });
  for (const term of terms) {
    let from = normalised.indexOf(term);
    while (from !== -1) {
      for (let i = from; i < from + term.length; i += 1) {
        flags[owner[i]] = true;
      }
      from = normalised.indexOf(term, from + term.length);
    }
  }
  const parts: { text: string; match: boolean }[] = [];
  chars.forEach((char, index) => {
    const last = parts[parts.length - 1];
    if (last && last.match === flags[index]) {
      last.text += char;
    } else {
      parts.push({ text: char, match: flags[index] });
    }
  });
  return parts;
}
