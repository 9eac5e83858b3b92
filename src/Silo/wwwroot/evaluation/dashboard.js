// The evaluation dashboard: the report's figures, live over the analytics API, for the evaluator
// and regulator roles; the audit's verification for the regulator. Every number is the API's.
import { Api, ApiError, el, svg, language, applyLanguage } from '../shared/api.js';
import { label } from '../shared/label-words.js';

const words = {
  zh: {
    title: '北京互联网首诊试点（儿童）评估', signOut: '退出', apiKey: '评估或监管密钥', signIn: '登录', from: '起始日期', to: '截止日期', hospital: '医院', specialty: '专科',
    province: '居住地', ageBand: '年龄段', disposition: '分流', modelVersion: '模型版本', apply: '查询', autoRefresh: '每分钟自动刷新',
    deidentified: '数据来自病例日志，已去标识化：不含患者、病例编号或文本；少于 5 例的分组不显示。', totals: '总量', byMonth: '每月评估量与分流', dispositions: '分流结果',
    funnel: '就诊漏斗与时间', compliance: '合规（应为零）', audit: '审计校验', byHospital: '按医院', byProvince: '按居住地', byAge: '按年龄段', redirections: '线下分流原因',
    redFlags: '线下分流的危险信号', visits: '就诊中警报与终止', agreement: '与医生最终判断的一致性', workload: '医生工作量', suppressed: '不显示的小分组：', all: '全部',
    noData: '无可显示的分组', updated: '更新于 ', intact: '完整：所有日志、总账与签名检查点一致', broken: '发现断链：', ledgerEntries: '总账条目', journals: '日志数', checkpoints: '检查点',
    verifiedAt: '校验时间', auditNeedsRole: '审计校验需要监管或管理员角色：', step: '步骤', median: '中位数（分钟）', p90: 'P90（分钟）', decidedOnline: '判为线上', bookedMeasure: '已预约',
    to_booking: '评估→预约', to_start: '预约→开始', to_completion: '开始→完成', assessment_to_completion: '评估→完成', matrix: '混淆矩阵（行：服务 · 列：医生）', item: '项目', count: '数量',
  },
  en: {
    title: 'Beijing internet first-visit pilot (children) · Evaluation', signOut: 'Sign out', apiKey: 'Evaluator or regulator key', signIn: 'Sign in', from: 'From', to: 'To',
    hospital: 'Hospital', specialty: 'Specialty', province: 'Residence', ageBand: 'Age band', disposition: 'Disposition', modelVersion: 'Model version', apply: 'Apply', autoRefresh: 'Refresh every minute',
    deidentified: 'De-identified figures from the case journals: no patient, case id or text; groups of fewer than 5 cases are not shown.', totals: 'Totals', byMonth: 'Assessments by month and disposition',
    dispositions: 'Dispositions', funnel: 'The funnel and its times', compliance: 'Compliance (each must be zero)', audit: 'Audit verification', byHospital: 'By hospital', byProvince: 'By residence',
    byAge: 'By age band', redirections: 'Redirections offline by reason', redFlags: 'Red flags of redirections', visits: 'In-visit alerts and terminations', agreement: 'Agreement with the physician',
    workload: "Physicians' workload", suppressed: 'Groups suppressed: ', all: 'all', noData: 'No group large enough to show', updated: 'updated ', intact: 'Intact: every journal, the ledger and the signed checkpoints agree',
    broken: 'Broken link: ', ledgerEntries: 'Ledger entries', journals: 'Journals', checkpoints: 'Checkpoints', verifiedAt: 'Verified at', auditNeedsRole: 'The audit needs the regulator or admin role: ',
    step: 'Step', median: 'median (min)', p90: 'P90 (min)', decidedOnline: 'decided online', bookedMeasure: 'booked', to_booking: 'assessment → booking', to_start: 'booking → start',
    to_completion: 'start → completion', assessment_to_completion: 'assessment → completion', matrix: 'Confusion matrices (rows: service · columns: physician)', item: 'Item', count: 'Count',
  },
};

// The report's sections (Triage.Analytics EvaluationReport.Sections): id, route, group by.
const sections = [
  ['totals', 'volumes', []], ['by_month', 'volumes', ['month']], ['by_hospital', 'volumes', ['hospital']], ['by_province', 'volumes', ['province']],
  ['by_age', 'volumes', ['age_band']], ['redirections', 'redirections', []], ['red_flags', 'red-flags', []], ['funnel', 'funnel', []], ['visits', 'visits', []],
  ['agreement', 'agreement', []], ['agreement_matrix', 'agreement-matrix', []], ['compliance', 'compliance', []], ['workload', 'workload', ['specialty']],
];
const dispositions = ['online', 'emergency', 'offline', 'out_of_scope', 'needs_info'];
const colours = ['#2e7d32', '#c62828', '#ef6c00', '#757575', '#1565c0'];

let lang = language();
let api = null;
let tables = null;
let audit = null;
let timer = null;

const $ = (id) => document.getElementById(id);
const t = (key) => words[lang][key] ?? key;
const word = (code) => (code === 'booked' ? t('bookedMeasure') : label(code, lang));
const number = (v) => (v === undefined || v === null ? '–' : Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000));

function setLanguage(next) {
  lang = next;
  localStorage.setItem('triage.lang', lang);
  applyLanguage(words, lang);
  $('lang').textContent = lang === 'zh' ? 'English' : '中文';
  for (const option of document.querySelectorAll('#filters option')) {
    option.textContent = option.value === '' ? t('all') : /^\d/.test(option.value) ? option.value : option.value === 'BCH' || option.value === 'CCCH' ? option.value : label(option.value, lang);
  }
  if (tables) {
    render();
  }
}

function query(groupBy) {
  const q = new URLSearchParams({ from: $('f-from').value, to: $('f-to').value });
  for (const g of groupBy) {
    q.append('groupBy', g);
  }
  for (const [id, name] of [['f-hospital', 'hospital'], ['f-specialty', 'specialty'], ['f-province', 'province'], ['f-age', 'ageBand'], ['f-disposition', 'disposition'], ['f-model', 'modelVersion']]) {
    if ($(id).value) {
      q.set(name, $(id).value);
    }
  }
  return q.toString();
}

async function load() {
  $('error').textContent = '';
  try {
    const answers = await Promise.all(sections.map(([, route, groupBy]) => api.get(`/v1/analytics/${route}?${query(groupBy)}`)));
    tables = Object.fromEntries(sections.map(([id], i) => [id, answers[i]]));
    try {
      audit = { report: await api.post('/v1/audit:verify', {}) };
    } catch (e) {
      audit = { error: e };
    }
    $('updated').textContent = t('updated') + new Date().toLocaleTimeString();
    render();
  } catch (e) {
    $('error').textContent = e instanceof ApiError ? e.message : String(e);
  }
}

const first = (table) => (table.rows ?? [])[0]?.values ?? {};

function table(id, data) {
  const rows = data.rows ?? [];
  if (!rows.length) {
    return el('p', { class: 'muted' }, t('noData'));
  }
  const keys = data.keys ?? [];
  const measures = data.measures ?? [];
  return el('table', {},
    el('tr', {}, keys.map((k) => el('th', {}, word(k))), measures.map((m) => el('th', {}, word(m)))),
    rows.map((row) => {
      const path = keys.map((k) => row.keys[k]).join('.');
      return el('tr', {}, keys.map((k) => el('td', {}, word(row.keys[k]))),
        measures.map((m) => el('td', { class: 'n', 'data-figure': `${id}.${path ? path + '.' : ''}${m}` }, number(row.values?.[m]))));
    }));
}

function bars(items, max, colour, figurePrefix) {
  const height = items.length * 26;
  return svg('svg', { width: 560, height, role: 'img' }, items.map(([name, value, key], i) => {
    const w = max > 0 ? (value / max) * 300 : 0;
    return [
      svg('text', { x: 0, y: i * 26 + 16 }, name),
      svg('rect', { x: 180, y: i * 26 + 4, width: w.toFixed(1), height: 18, fill: Array.isArray(colour) ? colour[i] : colour }),
      svg('text', { x: 185 + w, y: i * 26 + 17, 'data-figure': `${figurePrefix}.${key}` }, number(value)),
    ];
  }));
}

function render() {
  const totals = first(tables.totals);
  $('totals').replaceChildren(el('table', {},
    el('tr', {}, ['cases', 'assessments', 'booked', 'started', 'completed', 'terminated'].map((m) => el('th', {}, word(m)))),
    el('tr', {}, ['cases', 'assessments', 'booked', 'started', 'completed', 'terminated'].map((m) => el('td', { class: 'n', 'data-figure': `totals.${m}` }, number(totals[m]))))));

  // Stacked bars by month, one colour per disposition.
  const months = tables.by_month.rows ?? [];
  const monthMax = Math.max(1, ...months.map((r) => r.values.cases ?? 0));
  const slot = months.length ? Math.min(60, 520 / months.length) : 60;
  $('by-month').replaceChildren(
    svg('svg', { width: 580, height: 250, role: 'img' },
      months.map((r, i) => {
        let y = 200;
        return [
          dispositions.map((d, k) => {
            const h = ((r.values[d] ?? 0) / monthMax) * 180;
            y -= h;
            return svg('rect', { x: 40 + i * slot, y: y.toFixed(1), width: slot - 6, height: h.toFixed(1), fill: colours[k] }, svg('title', {}, `${r.keys.month} ${word(d)}: ${number(r.values[d])}`));
          }),
          svg('text', { x: 40 + i * slot, y: 215 }, r.keys.month.slice(5)),
        ];
      }),
      dispositions.map((d, k) => [svg('rect', { x: 40 + k * 105, y: 228, width: 10, height: 10, fill: colours[k] }), svg('text', { x: 54 + k * 105, y: 237 }, word(d))]),
      svg('text', { x: 0, y: 20 }, number(monthMax))),
    table('by_month', tables.by_month));

  $('dispositions').replaceChildren(bars(dispositions.map((d) => [word(d), totals[d] ?? 0, d]), totals.cases ?? 0, colours, 'dispositions'));

  const funnel = first(tables.funnel);
  $('funnel').replaceChildren(
    bars(['cases', 'booked', 'started', 'completed'].map((s, i) => [i === 0 ? t('decidedOnline') : word(s), funnel[s] ?? 0, s]), funnel.cases ?? 0, '#1565c0', 'funnel'),
    el('table', {}, el('tr', {}, el('th', {}, t('step')), el('th', {}, t('median')), el('th', {}, t('p90'))),
      ['to_booking', 'to_start', 'to_completion', 'assessment_to_completion'].map((s) => el('tr', {}, el('td', {}, t(s)),
        el('td', { class: 'n', 'data-figure': `funnel.${s}_minutes_median` }, number(funnel[`${s}_minutes_median`])),
        el('td', { class: 'n', 'data-figure': `funnel.${s}_minutes_p90` }, number(funnel[`${s}_minutes_p90`]))))));

  const compliance = first(tables.compliance);
  $('compliance').replaceChildren(el('table', {}, el('tr', {}, el('th', {}, t('item')), el('th', {}, t('count'))),
    ['not_whitelisted_at_start', 'without_guardian', 'unsigned_prescriptions', 'prescriptions_after_unacknowledged_alert'].map((m) => {
      const n = compliance[m] ?? 0;
      return el('tr', { class: n === 0 ? 'ok' : 'bad' }, el('td', {}, word(m)), el('td', { class: 'n', 'data-figure': `compliance.${m}` }, number(n)));
    })));

  if (audit.report) {
    const r = audit.report;
    $('audit').replaceChildren(
      el('p', { class: r.intact ? 'ok' : 'bad', 'data-figure': 'audit.intact', 'data-intact': String(Boolean(r.intact)) }, r.intact ? t('intact') : t('broken') + (r.firstBrokenLink ?? '')),
      el('table', {}, [['ledgerEntries', r.ledgerEntries], ['journals', r.journals], ['checkpoints', r.checkpointsChecked], ['verifiedAt', r.verifiedAt]]
        .map(([k, v]) => el('tr', {}, el('th', {}, t(k)), el('td', { class: 'n', 'data-figure': `audit.${k}` }, v ?? 0)))));
  } else {
    $('audit').replaceChildren(el('p', { class: 'muted', 'data-figure': 'audit.unavailable' }, t('auditNeedsRole') + audit.error.message));
  }

  for (const [id, target] of [['by_hospital', 'by-hospital'], ['by_province', 'by-province'], ['by_age', 'by-age'], ['redirections', 'redirections'], ['red_flags', 'red-flags'],
    ['visits', 'visits'], ['agreement', 'agreement'], ['workload', 'workload']]) {
    $(target).replaceChildren(table(id, tables[id]));
  }
  $('agreement-matrix').replaceChildren(el('h3', {}, t('matrix')), table('agreement_matrix', tables.agreement_matrix));
  $('suppressed').textContent = String(Object.values(tables).reduce((sum, x) => sum + (x.suppressedGroups ?? 0), 0));
}

async function signIn(key) {
  api = new Api(key);
  await api.get(`/v1/analytics/volumes?${query([])}`);
  sessionStorage.setItem('triage.evaluationKey', key);
  $('signin').hidden = true;
  $('dashboard').hidden = false;
  $('signout').hidden = false;
  await load();
  timer = setInterval(() => {
    if ($('auto').checked) {
      load();
    }
  }, 60000);
}

$('lang').addEventListener('click', () => setLanguage(lang === 'zh' ? 'en' : 'zh'));
$('signin-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('signin-error').textContent = '';
  try {
    await signIn($('key').value.trim());
  } catch (error) {
    $('signin-error').textContent = error instanceof ApiError ? error.message : String(error);
  }
});
$('filters').addEventListener('submit', (e) => {
  e.preventDefault();
  load();
});
$('signout').addEventListener('click', () => {
  sessionStorage.removeItem('triage.evaluationKey');
  clearInterval(timer);
  location.reload();
});
setLanguage(lang);
const saved = sessionStorage.getItem('triage.evaluationKey');
if (saved) {
  signIn(saved).catch(() => sessionStorage.removeItem('triage.evaluationKey'));
}
