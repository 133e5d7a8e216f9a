import { describe, expect, it } from 'vitest';
import { RowList } from '../../../src/core/dataset/rowList.js';
import { freshRow, type Row } from '../../../src/core/dataset/row.js';

const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => freshRow(String(i)));

describe('RowList', () => {
  it('reads, replaces, inserts, removes and moves like an array, leaving the old list intact', () => {
    const base = rows(5000);
    const list = RowList.from(base);
    const mirror = [...base];
    let current = list;
    const ops: Array<() => void> = [
      () => {
        const r = freshRow('set');
        current = current.set(1500, r);
        mirror[1500] = r;
      },
      () => {
        const r = freshRow('ins');
        current = current.insert(1024, r);
        mirror.splice(1024, 0, r);
      },
      () => {
        current = current.remove(0);
        mirror.splice(0, 1);
      },
      () => {
        current = current.move(10, 4000);
        const [r] = mirror.splice(10, 1);
        mirror.splice(4000, 0, r!);
      },
      () => {
        const r = freshRow('end');
        current = current.insert(current.length, r);
        mirror.push(r);
      },
    ];
    for (const op of ops) op();
    expect(current.toArray()).toEqual(mirror);
    expect(current.length).toBe(mirror.length);
    expect(current.slice(1020, 1030)).toEqual(mirror.slice(1020, 1030));
    expect(list.toArray()).toEqual(base);
    expect(current.indexOfId(mirror[3000]!.id)).toBe(3000);
  });

  it('splits chunks that grow past twice their size', () => {
    let list = RowList.from(rows(10));
    for (let i = 0; i < 3000; i++) list = list.insert(5, freshRow(`x${i}`));
    expect(list.length).toBe(3010);
    expect(list.get(5).text).toBe('x2999');
    expect(list.get(3009).text).toBe('9');
  });
});
