// The physician's workstation: the queues the physician may take from, the brief, the live
// conversation with its alerts, and the physician's acts, all through the JSON API with the
// physician's own key. The service decides and enforces every rule; this page shows its answers.
import { Api, ApiError, el, svg, language, applyLanguage } from '../shared/api.js';
import { label } from '../shared/label-words.js';

const words = {
  zh: {
    title: '互联网首诊 医生工作台', notLive: '未连接', live: '实时', signOut: '退出', apiKey: '医生密钥', signIn: '登录',
    queues: '可接诊队列', myVisits: '我的就诊', waiting: '等待', take: '接诊', noneWaiting: '当前无等待病例', notWhitelisted: '不在白名单：',
    alertTitle: '危险信号警报', terminateAsSuggested: '按建议终止并转诊', continueReason: '继续线上问诊的书面理由', continueOnline: '说明理由后继续',
    case: '病例', decision: '分诊结论', parentText: '家长所述', facts: '提取的事实', redFlags: '危险信号', deniedFlags: '已否认或不计的危险信号',
    explanation: '影响判断的特征', growth: 'WHO 生长曲线', questions: '建议询问', conversation: '问诊对话', send: '发送',
    realNameCheck: '实名认证（每次问诊前）', method: '方式', faceRecognition: '人脸识别', idCardLiveness: '身份证+活体', digitalCertificate: '数字证书', inPerson: '现场核验',
    verifier: '核验系统', reference: '核验流水号', verifiedAt: '核验时间', startConsultation: '开始问诊',
    prescription: '处方（医生本人签名）', drug: '药品通用名', drugClass: '类别', ordinary: '普通', narcotic: '麻醉药品', psychotropic: '精神药品', dosage: '用法用量',
    guardianPresent: '监护人在场', physicianPresent: '相关医师在场', signAndPrescribe: '签名并开具',
    completeVisit: '完成就诊', diagnosis: '诊断', finalDisposition: '最终分流', finalSpecialty: '最终专科', complete: '完成',
    endVisit: '终止或交回', terminationReason: '终止原因', noteToFamily: '给家长的说明', terminate: '终止并转线下', handBackReason: '交回原因', handBack: '交回队列',
    none: '无', specialty: '专科', disposition: '分流', model: '模型', policy: '规则', urgency: '紧急程度', probability: '概率',
    age_months: '月龄', temperature_c: '体温 (°C)', fever: '发热', fever_days: '发热天数', duration_days: '病程（天）', height_cm: '身高 (cm)', weight_kg: '体重 (kg)', sex: '性别', subject: '对象',
    yes: '是', no: '否', suggested: '建议处理：', alertsDecided: '医生已说明理由继续', from_parent: '家长', from_physician: '医生', zScore: 'z 值', measured: '测量值', implausible: '（超出WHO合理范围，请核对测量）',
    prescriptions: '已开处方', growthNone: '无测量值', reconnecting: '连接中断，正在重连…', taken: '已接诊', tookNothing: '没有可接的病例',
  },
  en: {
    title: 'Internet first visits · Physician workstation', notLive: 'not live', live: 'live', signOut: 'Sign out', apiKey: 'Physician key', signIn: 'Sign in',
    queues: 'Queues you may take from', myVisits: 'My visits', waiting: 'waiting', take: 'Take', noneWaiting: 'No case waiting', notWhitelisted: 'Not on the whitelist: ',
    alertTitle: 'Red-flag alert', terminateAsSuggested: 'Terminate as suggested', continueReason: 'Written reason to continue online', continueOnline: 'Continue with this reason',
    case: 'Case', decision: 'Triage decision', parentText: 'What the parent said', facts: 'Facts read', redFlags: 'Red flags', deniedFlags: 'Red flags denied or not counted',
    explanation: 'Features that pushed the decision', growth: 'WHO growth curves', questions: 'Questions worth asking', conversation: 'Conversation', send: 'Send',
    realNameCheck: 'Real-name check (before each consultation)', method: 'Method', faceRecognition: 'face recognition', idCardLiveness: 'ID card + liveness', digitalCertificate: 'digital certificate', inPerson: 'in person',
    verifier: 'Verifier', reference: 'Verifier reference', verifiedAt: 'Verified at', startConsultation: 'Start consultation',
    prescription: 'Prescription (signed by you)', drug: 'Drug (generic name)', drugClass: 'Class', ordinary: 'ordinary', narcotic: 'narcotic', psychotropic: 'psychotropic', dosage: 'Dosage',
    guardianPresent: 'Guardian present', physicianPresent: 'Relevant physician present', signAndPrescribe: 'Sign and prescribe',
    completeVisit: 'Complete the visit', diagnosis: 'Diagnosis', finalDisposition: 'Final disposition', finalSpecialty: 'Final specialty', complete: 'Complete',
    endVisit: 'Terminate or hand back', terminationReason: 'Reason', noteToFamily: 'Note to the family', terminate: 'Terminate, send in person', handBackReason: 'Why hand back', handBack: 'Hand back',
    none: 'none', specialty: 'Specialty', disposition: 'Disposition', model: 'Model', policy: 'Policy', urgency: 'Urgency', probability: 'probability',
    age_months: 'Age (months)', temperature_c: 'Temperature (°C)', fever: 'Fever', fever_days: 'Days of fever', duration_days: 'Duration (days)', height_cm: 'Height (cm)', weight_kg: 'Weight (kg)', sex: 'Sex', subject: 'Subject',
    yes: 'yes', no: 'no', suggested: 'Suggested: ', alertsDecided: 'Continued online with a written reason', from_parent: 'Parent', from_physician: 'Physician', zScore: 'z', measured: 'measured', implausible: ' (beyond WHO plausibility limits: check the measurement)',
    prescriptions: 'Prescriptions', growthNone: 'No measurement', reconnecting: 'Connection lost, reconnecting…', taken: 'Taken', tookNothing: 'No case to take',
  },
};

let lang = language();
let api = null;
let workspace = null;
let current = null; // { id, case, brief }
let watching = null;

const $ = (id) => document.getElementById(id);
const t = (key) => words[lang][key] ?? key;

function showError(target, error) {
  $(target).textContent = error instanceof ApiError ? error.message : String(error?.message ?? error);
}

function clearErrors() {
  for (const id of ['action-error', 'queue-error', 'signin-error']) {
    $(id).textContent = '';
  }
}

function fillCodeOptions() {
  for (const option of document.querySelectorAll('#dx-disposition option, #dx-specialty option, #term-reason option')) {
    option.textContent = label(option.value, lang);
  }
}

function setLanguage(next) {
  lang = next;
  localStorage.setItem('triage.lang', lang);
  applyLanguage(words, lang);
  $('lang').textContent = lang === 'zh' ? 'English' : '中文';
  fillCodeOptions();
  renderLive(watching?.live ?? false);
  if (workspace) {
    renderWorkspace();
  }
  if (current) {
    renderCase();
  }
}

function renderLive(live) {
  $('live').textContent = t(live ? 'live' : 'notLive');
  $('live').classList.toggle('on', live);
  $('live').dataset.state = live ? 'live' : 'off';
}

async function signIn(key) {
  api = new Api(key);
  workspace = await api.get('/v1/physician/workspace');
  sessionStorage.setItem('triage.physicianKey', key);
  $('signin').hidden = true;
  $('workspace').hidden = false;
  $('signout').hidden = false;
  $('who').textContent = `${workspace.physicianId} · ${workspace.hospital ?? ''}`;
  renderWorkspace();
  startWatching();
}

async function refreshWorkspace() {
  workspace = await api.get('/v1/physician/workspace');
  renderWorkspace();
}

function renderWorkspace() {
  const failures = workspace.failures ?? [];
  $('standing').textContent = workspace.whitelisted ? '' : t('notWhitelisted') + failures.join('; ');
  const body = $('queues').tBodies[0];
  body.replaceChildren();
  for (const queue of workspace.queues ?? []) {
    body.append(el('tr', { 'data-specialty': queue.specialty },
      el('td', {}, `${queue.hospital} · ${label(queue.specialty, lang)}`),
      el('td', { class: 'n', 'data-waiting': '' }, `${queue.waiting ?? 0} ${t('waiting')}`),
      el('td', {}, el('button', { type: 'button', disabled: !(queue.waiting > 0), onclick: () => take(queue) }, t('take')))));
  }
  const visits = $('visits');
  visits.replaceChildren();
  for (const queue of workspace.queues ?? []) {
    for (const id of queue.openCaseIds ?? []) {
      visits.append(el('li', {}, el('a', { href: `#${id}`, 'data-case': id, onclick: (e) => { e.preventDefault(); openCase(id); } }, `${label(queue.specialty, lang)} · ${id.slice(0, 8)}`)));
    }
  }
}

async function take(queue) {
  clearErrors();
  try {
    const reply = await api.post(`/v1/physician/queues/${encodeURIComponent(queue.hospital)}/${queue.specialty}:take`);
    await refreshWorkspace();
    if (reply.taken) {
      await openCase(reply.case.caseId);
    } else {
      $('queue-error').textContent = t('tookNothing');
    }
  } catch (e) {
    showError('queue-error', e);
  }
}

async function openCase(id) {
  clearErrors();
  try {
    const [visitCase, brief] = await Promise.all([api.get(`/v1/physician/cases/${id}`), api.get(`/v1/physician/cases/${id}/brief`)]);
    current = { id, case: visitCase, brief };
    $('case').hidden = false;
    renderCase();
  } catch (e) {
    showError('action-error', e);
  }
}

// Re-reads the case (not the brief: each brief is a decision-support call written to the case's trail).
async function reloadCase() {
  if (!current) {
    return;
  }
  current.case = await api.get(`/v1/physician/cases/${current.id}`);
  renderCase();
}

function flagItem(flag) {
  const parts = [label(flag.tag, lang)];
  if (flag.evidence?.text) {
    parts.push(' — ', el('mark', {}, flag.evidence.text));
  }
  if (flag.status && flag.status !== 'affirmed') {
    parts.push(` (${label(flag.status, lang)})`);
  }
  parts.push(el('span', { class: 'muted' }, ` · ${label(flag.source, lang)}`));
  if (flag.probability !== undefined) {
    parts.push(el('span', { class: 'muted' }, ` · ${t('probability')} ${flag.probability}`));
  }
  return el('li', { 'data-flag': flag.tag }, parts);
}

function renderCase() {
  const c = current.case;
  const b = current.brief;
  const visit = c.visit ?? {};
  const stage = visit.stage ?? 'none';
  $('case-id').textContent = c.caseId;
  $('stage').textContent = label(stage, lang);
  $('stage').className = `badge ${stage}`;
  $('stage').dataset.stage = stage;

  const d = c.decision ?? {};
  const reasons = (d.reasons ?? []).map((r) => el('li', {}, lang === 'en' ? r.en : r.zh));
  $('decision').replaceChildren(
    el('p', {},
      el('span', { class: `badge ${d.disposition}`, 'data-disposition': d.disposition }, label(d.disposition, lang)), ' ',
      el('span', { class: 'badge', 'data-specialty': d.specialty }, label(d.specialty, lang)),
      el('span', { class: 'muted' }, ` · ${t('model')} ${d.modelVersion ?? ''} · ${t('policy')} ${d.policyVersion ?? ''}`)),
    el('ul', { class: 'plain', id: 'reasons' }, reasons));

  $('parent-text').replaceChildren(...(b.parentText ?? []).map((text) => el('li', {}, text)));
  const facts = b.facts ?? {};
  const factRows = ['age_months', 'sex', 'subject', 'temperature_c', 'fever', 'fever_days', 'duration_days', 'height_cm', 'weight_kg']
    .map((key) => [key, facts[key.replace(/_([a-z])/g, (_, ch) => ch.toUpperCase())]])
    .filter(([, value]) => value !== undefined && value !== false && !String(value).endsWith('_unspecified'))
    .map(([key, value]) => el('tr', {}, el('th', {}, t(key)), el('td', { 'data-fact': key }, value === true ? t('yes') : typeof value === 'string' ? label(value, lang) : value)));
  $('facts').tBodies[0].replaceChildren(...factRows);
  $('flags').replaceChildren(...(b.redFlags ?? []).map(flagItem));
  if (!(b.redFlags ?? []).length) {
    $('flags').append(el('li', { class: 'muted' }, t('none')));
  }
  $('denied').replaceChildren(...(b.deniedRedFlags ?? []).map(flagItem));
  $('explanation').replaceChildren(...(b.explanation ?? []).map((x) => el('li', {}, `${x.feature} → ${x.target} (${x.weight})`)));
  $('questions').replaceChildren(...(b.suggestedQuestions ?? []).map((q) => el('li', {}, q)));
  renderGrowth(b.growthScores ?? []);

  $('messages').replaceChildren(...(visit.messages ?? []).map((m) => el('li', { class: m.from }, el('span', { class: 'muted' }, `${t('from_' + m.from)}: `), m.text)));
  $('prescriptions').replaceChildren(...(visit.prescriptions ?? []).flatMap((rx) => (rx.items ?? []).map((item) =>
    el('li', { 'data-drug': item.drug }, `${item.drug} · ${item.dosage} · ${t(item.drugClass || 'ordinary')}`))));
  $('messages').scrollTop = $('messages').scrollHeight;

  const alerts = visit.alerts ?? [];
  // An alert waits for the physician only while the consultation runs; terminating decides it.
  if (stage === 'in_consultation' && visit.alertAwaitsDecision && alerts.length) {
    showAlert(alerts[alerts.length - 1]);
  } else {
    $('alert').hidden = true;
  }

  $('start').hidden = stage !== 'assigned';
  $('message-form').hidden = stage !== 'in_consultation';
  $('prescribe').hidden = stage !== 'in_consultation';
  $('complete').hidden = stage !== 'in_consultation';
  $('end').hidden = !(stage === 'assigned' || stage === 'in_consultation');
  if (stage === 'assigned' && !$('rn-at').value) {
    $('rn-at').value = new Date().toISOString();
  }
}

function showAlert(alert) {
  const flags = (alert.redFlags ?? []).map((f) => label(f, lang)).join('、');
  $('alert-text').textContent = `${label(alert.disposition, lang)}: ${flags}`;
  $('alert-suggestion').textContent = t('suggested') + (alert.suggestedTermination === 'emergency'
    ? (lang === 'en' ? 'terminate now and send the child to an emergency department (call 120).' : '立即终止线上问诊，前往急诊（必要时拨打120）。')
    : (lang === 'en' ? 'terminate and book an in-person visit.' : '终止线上问诊，预约线下就诊。'));
  $('alert').dataset.suggested = alert.suggestedTermination;
  $('alert').hidden = false;
}

// Draws the reference lines the service sent and the child's point on them.
function renderGrowth(scores) {
  const box = $('growth');
  box.replaceChildren();
  const drawn = scores.filter((s) => s.curve && (s.curve.points ?? []).length > 1);
  if (!drawn.length) {
    box.append(el('p', { class: 'muted' }, t('growthNone')));
    return;
  }
  for (const score of drawn) {
    const points = score.curve.points;
    const width = 360, height = 220, left = 40, bottom = 28, top = 8, right = 60;
    const xs = points.map((p) => p.x);
    const ys = points.flatMap((p) => [p.minus3, p.plus3]).concat([score.curve.childY]);
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    const sx = (x) => left + ((x - x0) / (x1 - x0 || 1)) * (width - left - right);
    const sy = (y) => height - bottom - ((y - y0) / (y1 - y0 || 1)) * (height - bottom - top);
    const lines = [['minus3', '#c62828', '4 3'], ['minus2', '#ef6c00', ''], ['median', '#2e7d32', ''], ['plus2', '#ef6c00', ''], ['plus3', '#c62828', '4 3']];
    const names = { minus3: '-3', minus2: '-2', median: '0', plus2: '+2', plus3: '+3' };
    const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'data-indicator': score.indicator },
      svg('line', { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, stroke: '#999' }),
      svg('line', { x1: left, y1: top, x2: left, y2: height - bottom, stroke: '#999' }),
      svg('text', { x: left, y: height - 8 }, `${x0}`),
      svg('text', { x: width - right - 20, y: height - 8 }, `${x1} ${label(score.curve.xAxis, lang)}`),
      svg('text', { x: 2, y: top + 10 }, `${y1.toFixed(1)}`),
      svg('text', { x: 2, y: height - bottom }, `${y0.toFixed(1)}`),
      lines.map(([key, colour, dash]) => [
        svg('polyline', { points: points.map((p) => `${sx(p.x).toFixed(1)},${sy(p[key]).toFixed(1)}`).join(' '), fill: 'none', stroke: colour, 'stroke-width': key === 'median' ? 2 : 1.2, 'stroke-dasharray': dash }),
        svg('text', { x: width - right + 4, y: sy(points[points.length - 1][key]) + 4 }, `z ${names[key]}`),
      ]),
      svg('circle', { cx: sx(score.curve.childX), cy: sy(score.curve.childY), r: 5, fill: '#0b5cad', 'data-child': '' },
        svg('title', {}, `${t('measured')} ${score.measured}, ${t('zScore')} ${score.z}`)));
    box.append(el('figure', { class: 'card', 'data-indicator': score.indicator },
      el('figcaption', {}, `${label(score.indicator, lang)} · ${label(score.sex, lang)} · ${t('zScore')} = `, el('strong', { 'data-z': '' }, String(score.z)),
        ` · ${t('measured')} ${score.measured} · ${score.reference}`, score.plausible === false ? t('implausible') : ''),
      chart));
  }
}

// The live stream: parent messages and alerts of the visits held arrive here the moment they are recorded.
function startWatching() {
  const controller = new AbortController();
  watching = { controller, live: false };
  const run = async (delay) => {
    while (!controller.signal.aborted) {
      try {
        await api.watch('/v1/physician/events', onNotice, controller.signal);
      } catch (e) {
        if (controller.signal.aborted) {
          return;
        }
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
          watching.live = false;
          renderLive(false);
          showError('queue-error', e);
          return;
        }
      }
      watching.live = false;
      renderLive(false);
      $('live').textContent = t('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30000);
      // Notices are not kept for an absent page: what changed meanwhile is read again.
      await refreshWorkspace().catch(() => {});
      await reloadCase().catch(() => {});
    }
  };
  run(1000);
}

function onNotice(notice) {
  if (notice.kind === 'ready') {
    watching.live = true;
    renderLive(true);
    return;
  }
  if (notice.kind === 'status') {
    refreshWorkspace().catch(() => {});
  }
  if (!current || notice.caseId !== current.id) {
    return;
  }
  if (notice.kind === 'alert') {
    showAlert(notice.alert);
    // The red flags just raised belong in the brief at once (each brief is one recorded decision-support call).
    api.get(`/v1/physician/cases/${current.id}/brief`).then((brief) => {
      current.brief = brief;
      renderCase();
    }).catch((e) => showError('action-error', e));
  }
  if (notice.kind === 'message') {
    $('messages').append(el('li', { class: notice.message.from }, el('span', { class: 'muted' }, `${t('from_' + notice.message.from)}: `), notice.message.text));
  }
  reloadCase().catch((e) => showError('action-error', e));
}

async function act(path, body) {
  clearErrors();
  try {
    current.case = await api.post(`/v1/physician/cases/${current.id}${path}`, body);
    renderCase();
    await refreshWorkspace();
    return true;
  } catch (e) {
    showError('action-error', e);
    return false;
  }
}

// The physician's own signature: HMAC-SHA256 of the prescription's canonical form under their key (as the API documents).
async function sign(caseId, items, guardianPresent, physicianPresent) {
  const lines = ['triage-prescription-v1', caseId.replaceAll('-', '').toLowerCase(), guardianPresent ? '1' : '0', physicianPresent ? '1' : '0',
    ...items.map((i) => `${i.drug}\t${i.drugClass}\t${i.dosage}`)];
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(api.key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(lines.join('\n'))));
  return Array.from(mac, (x) => x.toString(16).padStart(2, '0')).join('');
}

function wire() {
  $('lang').addEventListener('click', () => setLanguage(lang === 'zh' ? 'en' : 'zh'));
  $('signin-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    try {
      await signIn($('key').value.trim());
    } catch (error) {
      showError('signin-error', error);
    }
  });
  $('signout').addEventListener('click', () => {
    sessionStorage.removeItem('triage.physicianKey');
    watching?.controller.abort();
    location.reload();
  });
  $('message-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await act('/messages', { text: $('message-text').value })) {
      $('message-text').value = '';
    }
  });
  $('start-form').addEventListener('submit', (e) => {
    e.preventDefault();
    act(':start', { realNameCheck: { method: $('rn-method').value, verifier: $('rn-verifier').value, physicianId: workspace.physicianId, verifiedAt: $('rn-at').value, reference: $('rn-reference').value } });
  });
  $('alert-terminate').addEventListener('click', () => {
    const reason = $('alert').dataset.suggested || 'emergency';
    act(':terminate', { reason, note: reason === 'emergency' ? '请立即前往急诊，必要时拨打120。' : '请预约线下门诊就诊。' });
  });
  $('continue-form').addEventListener('submit', (e) => {
    e.preventDefault();
    act(':continue', { reason: $('continue-reason').value });
  });
  $('terminate-form').addEventListener('submit', (e) => {
    e.preventDefault();
    act(':terminate', { reason: $('term-reason').value, note: $('term-note').value });
  });
  $('handback-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await act(':hand-back', { reason: $('handback-reason').value })) {
      current = null;
      $('case').hidden = true;
    }
  });
  $('complete-form').addEventListener('submit', (e) => {
    e.preventDefault();
    act(':complete', { diagnosis: $('dx').value, finalDisposition: $('dx-disposition').value, finalSpecialty: $('dx-specialty').value });
  });
  $('prescribe-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const items = [{ drug: $('rx-drug').value, drugClass: $('rx-class').value, dosage: $('rx-dosage').value }];
    const guardianPresent = $('rx-guardian').checked;
    const physicianPresent = $('rx-physician').checked;
    const signature = await sign(current.case.caseId, items, guardianPresent, physicianPresent);
    act('/prescriptions', { items, signature, guardianPresent, physicianPresent });
  });
}

wire();
setLanguage(lang);
const saved = sessionStorage.getItem('triage.physicianKey');
if (saved) {
  signIn(saved).catch(() => sessionStorage.removeItem('triage.physicianKey'));
}
