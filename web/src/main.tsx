import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/registry.css';
import './styles/report.css';
import './styles/plan.css';
import './styles/register.css';
import './styles/trends.css';

const root = document.getElementById('root');
if (!root) {
  throw new Error('#root missing in index.html');
}
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
