// The pages' one way to the service: the JSON API with the caller's key. Every figure a page shows
// comes from here; the pages draw and format, and compute nothing clinical themselves.

/** An error answered by the API: its HTTP status, the rule it names and the field. */
export class ApiError extends Error {
  constructor(status, detail, field) {
    super(detail);
    this.status = status;
    this.field = field ?? '';
  }
}

export class Api {
  constructor(key) {
    this.key = key;
  }

  async call(method, path, body) {
    const headers = { 'x-api-key': this.key };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let data = {};
    try {
      data = text ? JSON.parse(text) : {};
    } catch {
      data = {};
    }
    if (!response.ok) {
      throw new ApiError(response.status, data.detail ?? response.statusText, data.field);
    }
    return data;
  }

  get(path) {
    return this.call('GET', path);
  }

  post(path, body) {
    return this.call('POST', path, body ?? {});
  }

  /**
   * Reads a server-streaming route (one JSON object a line) until it ends, calling onNotice for
   * each; an error the server ends the stream with is thrown as an ApiError.
   */
  async watch(path, onNotice, signal) {
    const response = await fetch(path, { headers: { 'x-api-key': this.key }, signal });
    if (!response.ok) {
      let detail = response.statusText;
      try {
        detail = (await response.json()).detail ?? detail;
      } catch {
        // no body
      }
      throw new ApiError(response.status, detail);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffered += value;
      let end;
      while ((end = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, end).trim();
        buffered = buffered.slice(end + 1);
        if (!line) {
          continue;
        }
        const notice = JSON.parse(line);
        if (notice.kind === undefined && notice.message !== undefined && notice.code !== undefined) {
          throw new ApiError(notice.code === 7 ? 403 : 500, notice.message);
        }
        onNotice(notice);
      }
    }
  }
}

/** Builds an element: el('td', { class: 'n' }, 'text', child...). Text is always set as text, never as markup. */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An SVG element with attributes. */
export function svg(tag, attributes, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** The page's language: Chinese unless English was chosen; kept across reloads. */
export function language() {
  return localStorage.getItem('triage.lang') === 'en' ? 'en' : 'zh';
}

/** Fills every [data-i18n] element from words[lang], and the switch button with the other language's name. */
export function applyLanguage(words, lang) {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = words[lang][node.dataset.i18n] ?? node.dataset.i18n;
  }
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
    node.placeholder = words[lang][node.dataset.i18nPlaceholder] ?? '';
  }
}
