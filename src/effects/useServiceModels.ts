// The connected service's own base models (provider.catalog): its list for the Validate screen's
// `m`, what it says about the models in use (the Validate screen's model and the create form's),
// handed to the validator as facts (core/models.ts setServiceModelFacts) so counts, limits and
// dates follow the service; and the create form narrowed to the chosen model's defaults and
// ranges. Answers are kept for the connection by the provider; a switch of connection clears them.
import { useEffect } from 'react';
import type { BaseModelInfo } from '../core/domain.js';
import { toErrorInfo } from '../core/domain.js';
import { setServiceModelFacts } from '../core/models.js';
import { useStoreApi } from '../store/StoreProvider.js';
import { useProvider } from './providerContext.js';

export function useServiceModels(): void {
  const { provider } = useProvider();
  const store = useStoreApi();
  const catalog = provider?.catalog ?? null;

  useEffect(() => {
    if (catalog === null) {
      setServiceModelFacts([]);
      store.dispatch({ type: 'validation/serviceModels', models: null });
      return;
    }
    let live = true;
    const infos = new Map<string, BaseModelInfo>();
    const asked = new Set<string>();
    const ask = (model: string) => {
      if (model === '' || asked.has(model)) return;
      asked.add(model);
      catalog.info(model).then(
        (info) => {
          if (!live) return;
          infos.set(model, info);
          setServiceModelFacts([...infos.values()].flatMap((i) => (i.facts ? [i.facts] : [])));
          store.dispatch({ type: 'validation/serviceModelInfo', info });
        },
        (error: unknown) => live && store.dispatch({ type: 'validation/serviceFailed', error: `${model}: ${toErrorInfo(error).message}` }),
      );
    };
    store.dispatch({ type: 'validation/serviceModels', models: null, error: null });
    catalog.list().then(
      (models) => {
        if (!live) return;
        store.dispatch({ type: 'validation/serviceModels', models });
        // Validating for a model this service does not train (ftui's default, or the last
        // connection's) would show figures nobody will be billed: start on the service's first.
        const current = store.getState().validation.model;
        if (models.length > 0 && !models.includes(current)) store.dispatch({ type: 'validation/setModel', model: models[0]! });
      },
      (error: unknown) => live && store.dispatch({ type: 'validation/serviceModels', models: null, error: toErrorInfo(error).message }),
    );
    const check = () => {
      const { validation, jobs } = store.getState();
      if (validation.service?.models?.includes(validation.model)) ask(validation.model);
      if (jobs.view === 'create' && jobs.create.form.model) ask(jobs.create.form.model);
    };
    check();
    const unsubscribe = store.subscribe(check);
    return () => {
      live = false;
      unsubscribe();
      setServiceModelFacts([]);
      store.dispatch({ type: 'validation/serviceModels', models: null });
    };
  }, [catalog, store]);

  // The create form follows the chosen model: its ranges and defaults as the service gives them.
  useEffect(() => {
    if (catalog === null) return;
    let live = true;
    let current = '';
    const check = () => {
      const { jobs } = store.getState();
      const model = jobs.view === 'create' ? (jobs.create.form.model ?? '') : '';
      if (model === current) return;
      current = model;
      if (model === '' || jobs.create.fieldsModel === model) return;
      catalog.fields(model).then(
        (fields) => live && store.dispatch({ type: 'jobs/modelFields', model, fields }),
        () => undefined,
      );
    };
    check();
    const unsubscribe = store.subscribe(check);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [catalog, store]);
}
