"""Tiny made-up tables, one per PDF artifact, plus the raw lines of the two real plans."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import kg

HANGZHOU = Path(kg.__file__).parent / "data" / "plans" / "hangzhou-15th-five-year-plan-outline.txt"
NANJING = Path(__file__).parents[1] / "data" / "nanjing-15th-five-year-plan-outline.txt"


@cache
def plan_lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8").split("\n"))


# A page break splits the table; the second block has one column more and its cells shifted.
SHIFTED_PAGE_BREAK = """专栏 9 示范集群

| 专栏9 示范集群工程 | | | |
|---|---|---|---|
| 1个万亿级产业集群 | 甲产业 | 发展目标 | 到2030年，产值超100亿元。 |
| | | 重点平台 | 甲小镇、乙园区等。 |

| | | | | |
|--|--|--|--|--|
| | 乙产业 | 发展目标 | 到 2030 年，产值突破 50 亿元。 | |
| | 2 个未来产业 | 丙产业 | 重点平台 | 丙实验室等。 |

| | | | |
|--|--|--|--|
| | | 科研支撑 | 丁大学等。 |
| 戊产业 | 重点平台 | | 戊园区等。 |
| | 科研支撑 | | 戊研究院等。 |
"""

# A row continues after a page break in an otherwise empty-keyed row.
CONTINUED_ROW = """| 地区 | 发展导向 | 特色平台 |
|---|---|---|
| 甲区 | 聚焦“打造富裕阳光的现代版示范区”，实施创新立区战略， | 甲经济技术开发区、甲新城、城西 |

| | | |
|---|---|---|
| | 高质量建设现代化新型城区 | 科创走廊甲区合作园 |
| 乙县 | 坚持生态立县。 | 乙开发区 |
"""

# A main-indicator table: merged category cells, a cut cell, a split row shifted left.
SPLIT_ROW = """| 类别 | 序号 | 指标名称 | 2025年 预计 | 2030年 目标 | 年均/ 累计 | 属性 |
|---|---|---|---|---|---|---|
| 民生 (4项) | 1 | 城镇新增就业人数(万人) | 31.4 | >25 | [125] | 预期性 |
| | 2 | 每千人口拥有医护人员数 | 执业医师数(人) | 4.9 | 5.0 | — |
| 注册护士数(人) | | | 5.92 | 6.02 | — | 预期性 |
| | 3 | 人均预期寿命 (岁) | 84.18 | 84.3 | — | 预期性 |
| | 4 | 城乡居民收入倍差 | 1.62 | 1.58左右 | — | 预期性 |
| 绿色 (2项) | 5 | 单位GDP用水量下降率 (%) | 21.5 (2024年) | 完成省 下达目 标 | — | 约束性 |
| | 6 | 单位GDP二氧化碳排放降低 (%) | — | — | 完成省 下达目 标 | 约束性 |
"""

# A spaced table: multi-line header, cells cut across lines, a two-line split row, merged groups.
SPACED = """专栏2  示范主要指标
分类    序号    指标    属性    2030年目标值
经济强    1    地区生产总值年均增长率（%）    预期性    6.5%
左右
    2    居民人均可支配收入增长    预期性    与经济增长
保持同步
百姓富    3    每千人口拥有医护
人员数    执业（助理）医师数（人）    预期性    5
            注册护士数（人）    预期性    5.5

注：带〔〕数据表示累计变化情况
"""

CLUSTER_LIST = """专栏3  示范集群体系
产业集群    产业链
1．甲产业（乙服务）    1．甲链
    2．乙链
2．丙产业    3．丙链

第二章  下一章
"""
