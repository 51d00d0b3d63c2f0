//! Sorting as Ruby's `Array#sort` does it on Linux: Ruby hands the work to
//! glibc's `qsort_r`, a top-down merge sort. Reproducing the algorithm
//! keeps ties, and comparators that are not consistent (Liquid's
//! `nil_safe_casecmp` says two nils are "greater" than each other), in
//! Ruby's order.

use std::cmp::Ordering;

/// Sorts `items` in place the way Ruby's `sort { |a, b| ... }` orders them.
pub fn ruby_sort<T: Clone>(items: &mut [T], cmp: &mut dyn FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut tmp = items.to_vec();
    merge_sort(items, &mut tmp, cmp);
}

fn merge_sort<T: Clone>(items: &mut [T], tmp: &mut [T], cmp: &mut dyn FnMut(&T, &T) -> Ordering) {
    let n = items.len();
    if n <= 1 {
        return;
    }
    let n1 = n / 2;
    {
        let (left, right) = items.split_at_mut(n1);
        let (tl, tr) = tmp.split_at_mut(n1);
        merge_sort(left, tl, cmp);
        merge_sort(right, tr, cmp);
    }
    let (mut i, mut j, mut k) = (0, n1, 0);
    while i < n1 && j < n {
        if cmp(&items[i], &items[j]) != Ordering::Greater {
            tmp[k] = items[i].clone();
            i += 1;
        } else {
            tmp[k] = items[j].clone();
            j += 1;
        }
        k += 1;
    }
    while i < n1 {
        tmp[k] = items[i].clone();
        i += 1;
        k += 1;
    }
    // Whatever remains of the right run is already in place.
    items[..k].clone_from_slice(&tmp[..k]);
}
