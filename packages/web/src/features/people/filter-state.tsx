import { createContext, useContext, useState, type ReactNode } from 'react';
import { EMPTY_FILTERS, type FilterForm } from './filters';

interface FilterState {
  form: FilterForm;
  setForm: (form: FilterForm) => void;
  offset: number;
  setOffset: (offset: number) => void;
}

const FilterContext = createContext<FilterState | null>(null);

/**
 * Keeps the list's filters while moving between screens, in memory only: they can hold
 * a name, so they are neither in the URL (history) nor in storage, and go on sign-out.
 */
export function PeopleFiltersProvider({ children }: { children: ReactNode }) {
  const [form, setFormState] = useState<FilterForm>(EMPTY_FILTERS);
  const [offset, setOffset] = useState(0);
  const setForm = (next: FilterForm) => {
    setFormState(next);
    setOffset(0);
  };
  return <FilterContext.Provider value={{ form, setForm, offset, setOffset }}>{children}</FilterContext.Provider>;
}

export function usePeopleFilters(): FilterState {
  const state = useContext(FilterContext);
  if (!state) throw new Error('usePeopleFilters outside PeopleFiltersProvider');
  return state;
}
