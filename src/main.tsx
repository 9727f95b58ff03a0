import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { App } from './App';
import { preloadSessionsOnNavigation } from './state/sessionController';

// Registered before the router's own listener: a session is read while its page is being drawn.
preloadSessionsOnNavigation();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
