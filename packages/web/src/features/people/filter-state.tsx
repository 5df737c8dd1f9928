import { createContext, useContext, useState, type ReactNode } from 'react';
import { EMPTY_FILTERS, type FilterForm } from './filters';

interface FilterState {
  form: FilterForm;
  setForm: (form: FilterForm) => void;
  /**
   * Keyset paging: the cursors of the pages before this one (each the last person of the
   * page before it). Empty on the first page; Next pushes, Previous pops.
   */
  cursors: readonly string[];
  setCursors: (cursors: readonly string[]) => void;
}

const FilterContext = createContext<FilterState | null>(null);

/**
 * Keeps the list's filters while moving between screens, in memory only: they can hold
 * a name, so they are neither in the URL (history) nor in storage, and go on sign-out.
 */
export function PeopleFiltersProvider({ children }: { children: ReactNode }) {
  const [form, setFormState] = useState<FilterForm>(EMPTY_FILTERS);
  const [cursors, setCursors] = useState<readonly string[]>([]);
  const setForm = (next: FilterForm) => {
    setFormState(next);
    setCursors([]);
  };
  return <FilterContext.Provider value={{ form, setForm, cursors, setCursors }}>{children}</FilterContext.Provider>;
}

export function usePeopleFilters(): FilterState {
  const state = useContext(FilterContext);
  if (!state) throw new Error('usePeopleFilters outside PeopleFiltersProvider');
  return state;
}
