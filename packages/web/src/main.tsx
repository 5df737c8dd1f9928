import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, prefetchSession } from './app/App';
import { startI18n } from './i18n/i18n';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

prefetchSession();
void startI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
