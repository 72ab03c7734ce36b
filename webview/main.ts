// Create Custom Image form (browser side): register the toolkit, then hand over to FormApp,
// which says `ready` and waits for the host's `init`.
import { FormApp } from './formApp';
import { registerToolkit } from './toolkit';
import { getVsCodeApi } from './vscodeApi';

registerToolkit();
const mount = document.getElementById('app') ?? document.body;
new FormApp(getVsCodeApi(), mount).start();
