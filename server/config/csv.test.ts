import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('when fields are quoted with commas, doubled quotes and line breaks, then each comes back as written', () => {
    const text = 'id,title__en,description__en\r\nbsd-3-clause,"BSD 3-Clause ""New"" or ""Revised"" License",\r\nmit,MIT License,"A short, simple\nlicense"\r\n\r\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'title__en', 'description__en'],
      ['bsd-3-clause', 'BSD 3-Clause "New" or "Revised" License', ''],
      ['mit', 'MIT License', 'A short, simple\nlicense'],
    ]);
  });

  it('when the last line has no line end, then it is still read', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });
});
