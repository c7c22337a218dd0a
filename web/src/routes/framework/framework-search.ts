// Searching the framework: every word of the query must occur somewhere in the norm (code, text,
// "Kan blijken uit", auditor questions or evidence examples); case and accents do not matter.
import type { Norm } from '../../api/client';

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

export interface NormMatch {
  norm: Norm;
  /** Where the terms were found, so the page can open the matching parts. */
  inQuestions: boolean;
  inEvidence: boolean;
}

function searchableText(norm: Norm): string {
  return normalise([norm.code, norm.text, norm.guidance, ...norm.questions, ...norm.evidence].join('\n'));
}

function containsAny(texts: string[], terms: string[]): boolean {
  return texts.some((text) => {
    const value = normalise(text);
    return terms.some((term) => value.includes(term));
  });
}

export function searchNorms(norms: Norm[], query: string): NormMatch[] {
  const terms = queryTerms(query);
  if (terms.length === 0) {
    return norms.map((norm) => ({ norm, inQuestions: false, inEvidence: false }));
  }
  const matches: NormMatch[] = [];
  for (const norm of norms) {
    const haystack = searchableText(norm);
    if (terms.every((term) => haystack.includes(term))) {
      matches.push({
        norm,
        inQuestions: containsAny(norm.questions, terms),
        inEvidence: containsAny(norm.evidence, terms),
      });
    }
  }
  return matches;
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
