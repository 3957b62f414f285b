import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App.js';
import { takeTokenFromUrl } from './auth/take-token-from-url.js';
import { setupI18n } from './i18n/setup-i18n.js';
import { useEditorStore } from './store/editor-store.js';

// A sign-in link's token wins over a stored one; App then checks it with /me.
const linkToken = takeTokenFromUrl();
if (linkToken) useEditorStore.getState().setSession(linkToken, null);
const i18n = setupI18n();
document.documentElement.lang = i18n.language;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
