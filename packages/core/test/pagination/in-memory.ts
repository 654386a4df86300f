import type { PageQuery, PageResponse } from '../../src/pagination/index.js';

/** An in-memory provider: answers each page query and records what was asked, in order. */
export interface InMemoryPages {
  fetchPage(query: PageQuery, pageNumber: number): Promise<PageResponse>;
  queries: PageQuery[];
  pageNumbers: number[];
}

export function inMemory(answer: (query: PageQuery, pageNumber: number) => { body: unknown; headers?: Record<string, string> }): InMemoryPages {
  const queries: PageQuery[] = [];
  const pageNumbers: number[] = [];
  return {
    queries,
    pageNumbers,
    async fetchPage(query, pageNumber) {
      queries.push(query);
      pageNumbers.push(pageNumber);
      const { body, headers = {} } = answer(query, pageNumber);
      return { body, headers };
    },
  };
}

export interface Item {
  id: string;
}

/** `count` items named item_1, item_2, … */
export function items(count: number): Item[] {
  return Array.from({ length: count }, (_, i) => ({ id: `item_${i + 1}` }));
}

export const ids = (list: readonly Item[]): string[] => list.map((item) => item.id);
